"""Pipun desktop: keep, check and print Thai local governments' anti-corruption action plan reports."""

__version__ = "0.9.0"
APP_NAME = "PipunDesktop"
