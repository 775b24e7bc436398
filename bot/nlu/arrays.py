"""Trained NLU components store plain numpy arrays in Rasa's model storage (no pickles)."""

from __future__ import annotations

from typing import Dict, Optional

import numpy as np
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


def save_arrays(storage: ModelStorage, resource: Resource, file: str, arrays: Dict[str, np.ndarray]) -> None:
    with storage.write_to(resource) as folder:
        np.savez(folder / file, **arrays)


def load_arrays(storage: ModelStorage, resource: Resource, file: str) -> Optional[Dict[str, np.ndarray]]:
    """The arrays of a trained component, or None when it was not trained (no data)."""
    try:
        with storage.read_from(resource) as folder:
            stored = np.load(folder / file, allow_pickle=False)
            return {name: stored[name] for name in stored.files}
    except (ValueError, FileNotFoundError):
        return None
