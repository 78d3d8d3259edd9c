"""/oppna-data/ (a contract: dataportal.se harvests katalog.ttl from here)."""

from django.urls import path

from arena.open_data import views

app_name = "open_data"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("katalog.ttl", views.catalogue, name="catalogue"),
    path("<slug:slug>.json", views.dataset_json, name="json"),
    path("<slug:slug>.csv", views.dataset_csv, name="csv"),
    path("<slug:slug>.schema.json", views.dataset_schema, name="schema"),
]
