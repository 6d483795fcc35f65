"""`nox -s bench`: a synthetic corpus and side-by-side timings of every pipeline step."""
