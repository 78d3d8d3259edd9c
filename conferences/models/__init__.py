from .pages import ConferenceEditionPage, ConferenceSeriesPage, EditionTrack
from .sessions import Session, SessionChange, SessionSpeaker

__all__ = [
    "ConferenceEditionPage",
    "ConferenceSeriesPage",
    "EditionTrack",
    "Session",
    "SessionChange",
    "SessionSpeaker",
]
