"""Loading the spaCy pipeline sayso parses with."""
