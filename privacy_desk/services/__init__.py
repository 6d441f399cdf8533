"""The workflows: the one place the windows and the commands call.

One module per workflow (queue work, access, erasure, rectification and consent,
officers and roles, person search, connection profiles, the audit trail, the app
context). Role checks live here, never in storage. See docs/architecture.md.
"""
