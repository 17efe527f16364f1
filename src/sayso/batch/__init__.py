"""Running the extractor over many documents: in-process or in worker processes."""
