"""The material library at /material/: document validation, text extraction, public views and demo documents."""
