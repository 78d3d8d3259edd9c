"""Change projects: queries, forms, views, mails and demo content (the models are in arena/models/projects.py)."""
