from django.urls import path

from maturity import views

app_name = "maturity"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("oppna-data.json", views.open_data, name="open_data"),
    path("<slug:slug>/", views.organisation_dashboard, name="organisation"),
]
