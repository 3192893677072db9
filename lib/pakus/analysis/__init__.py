"""Analyses behind the notebooks: bilateral cycles, aid history, counterterrorism convergence.

Every number a notebook shows is computed here, where it is unit-tested.
"""
