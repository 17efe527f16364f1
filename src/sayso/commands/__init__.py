"""Command-line commands beyond ``extract`` and ``evaluate``."""
