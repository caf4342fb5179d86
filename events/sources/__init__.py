"""Pull events straight from their publishers' APIs into a file the loader reads.

* ``acled``: ACLED's API (OAuth 2 password grant, bearer token, paged JSON reads);
* ``ucdp``: UCDP's API (``x-ucdp-access-token`` header, paged JSON).

Both write a CSV in the publisher's own layout (so ``events.load`` recognises it), resume an
interrupted run from the pages already saved beside the output, retry on HTTP 429 after the
server's ``Retry-After``, and fail with one clear line (FetchError) when the network or the
credentials fail. Credentials come from the environment or ``.streamlit/secrets.toml``
(``events.sources.credentials``) and are never written to a file, a log or an error.
"""
from .base import FetchError, FetchResult

__all__ = ["FetchError", "FetchResult"]
