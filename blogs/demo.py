"""Demo blog content for seed_demo (written by the demo-content work)."""
