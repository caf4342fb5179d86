"""Place names (plus country, optionally admin1) to coordinates, with an honest status.

    >>> from geodata import geocode
    >>> geocode("Rumalyn", "SY").status
    'resolved'
"""
from .frame import geocode_frame
from .gazetteer import gazetteer_version, reset_default_gazetteer
from .geocoder import Geocoder, geocode
from .place import KINDS, Place
from .result import AMBIGUOUS, RESOLVED, UNRESOLVED, Alternative, GeocodeResult

__all__ = ["geocode", "geocode_frame", "gazetteer_version", "reset_default_gazetteer", "Geocoder",
           "GeocodeResult", "Alternative", "Place", "KINDS", "RESOLVED", "AMBIGUOUS", "UNRESOLVED"]
