"""Privacy Desk: a workstation for privacy officers answering data-subject requests."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Privacy Desk"
APP_ID = "privacy-desk"
ORG_NAME = "PrivacyDesk"

try:
    __version__ = version("privacy-desk")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
