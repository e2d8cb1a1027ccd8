"""What every ingest worker needs, imported once by the server the workers fork from.

``workers.in_order`` starts its worker processes from a forkserver that imports this module
before forking the first worker: the pipeline's modules are imported and the spaCy model is
loaded there once, and every worker forks with them instead of importing and loading its own.
Importing it anywhere else loads the model too; nothing else imports it.
"""

from . import pipeline  # noqa: F401 (the workers' work function, ``pipeline.analyze_chunk``, lives there)
from .link import fingerprint  # noqa: F401 (each analysis leaves a worker with its fingerprint: datasketch)
from .errors import ModelNotFound
from .nlp import load

try:
    load()
except ModelNotFound:
    # The forkserver must start all the same: each worker's initializer (``nlp.load``) raises
    # the error again, in the worker, where the ingest reports it as it always did.
    pass
