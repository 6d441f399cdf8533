"""A synthetic customer portal ("Kundportalen") for demos, tests and benchmarks."""
