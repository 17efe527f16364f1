"""Training recipes for the extractor's models (run by ``make train``)."""
