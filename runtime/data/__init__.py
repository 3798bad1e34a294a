"""The data pipeline: data sets opened from a source string, and a deterministic loader.

    from runtime.data import open_dataset, Loader

    splits = open_dataset("embedded:digits", image_hw=(32, 32), channels=1)
    print(splits.description)
    with Loader(splits.train, 64, train=True, image_hw=(32, 32), channels=1,
                mean=splits.mean, std=splits.std, seed=0, augment=True,
                flip=splits.flip_ok) as loader:
        for batch in loader.epoch(0):
            ...   # batch.images float32 [64, 32, 32, 1], batch.labels int32 [64]

Modules:

``sources``    ``open_dataset`` -> ``Splits`` of two ``Dataset`` s: ``embedded:digits``
               (in memory), an ImageFolder directory (paths only) or a ``.npz`` (in memory).
``transforms`` crop plans (RandomResizedCrop, resize + centre crop), per-sample generators,
               normalisation.
``augment``    timm's RandAugment (uint8, Pillow), Random Erasing (normalised float) and
               Mixup / CutMix (per batch, soft targets), each on its own random stream.
``decode``     file -> crop at the output size, with DCT-domain downscaling (simplejpeg or
               Pillow's draft mode) and mode conversion to RGB / L.
``loader``     ``Loader`` and ``Batch``: epoch order, substitution of bad files, background
               thread or spawned worker processes with shared-memory batch slots.

Design invariants (details in each module's docstring):

* a batch is a pure function of (data, seed, epoch, batch index): the epoch order is
  ``default_rng([seed, epoch]).permutation(N)`` (val: sequential), and the sample at position
  ``p`` draws its augmentation from its own generator keyed by (seed, epoch, p), so the
  number of workers never changes a bit, and ``epoch(e, start_batch=k)`` resumes exactly;
* a file that cannot be decoded is replaced by the next item of the epoch order that can,
  with its own label, reported once with a ``DataWarning`` and counted in ``Loader.stats``;
* memory is bounded: a fixed number of batch slots, bounded queues, ``close()`` frees all.

Errors that are the user's to fix raise ``DataError`` (a ``netspec.errors.NetspecError``).
"""

from .errors import DataError, DataWarning
from .loader import Batch, Loader
from .sources import (ArrayDataset, Dataset, FolderDataset, IMAGE_EXTENSIONS, SPLIT_SEED, Splits,
                      open_dataset)

__all__ = ["ArrayDataset", "Batch", "DataError", "DataWarning", "Dataset", "FolderDataset",
           "IMAGE_EXTENSIONS", "Loader", "SPLIT_SEED", "Splits", "open_dataset"]
