"""Training and evaluation of the Rasa model."""
