"""Consultations (*inspel*): the rules behind arena.models.ConsultationIndexPage and ConsultationPage."""
