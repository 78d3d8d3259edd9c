from .pages import ConferenceEditionPage, ConferenceSeriesPage, EditionTrack
from .recordings import Recording, RecordingCaption
from .registrations import Registration
from .sessions import Session, SessionChange, SessionSpeaker

__all__ = [
    "ConferenceEditionPage",
    "ConferenceSeriesPage",
    "EditionTrack",
    "Recording",
    "RecordingCaption",
    "Registration",
    "Session",
    "SessionChange",
    "SessionSpeaker",
]
