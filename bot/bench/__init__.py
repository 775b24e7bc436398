"""`govbot bench`: measured speed and memory, side by side with stock Rasa."""
