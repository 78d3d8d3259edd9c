"""Open data at /oppna-data/: the datasets the apps offer through the `arena_open_datasets` hook, each as JSON and
CSV with its JSON Schema, a landing page in Swedish and a DCAT-AP-SE catalogue for dataportal.se to harvest."""
