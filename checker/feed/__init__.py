"""The feed: group a batch of articles into stories, check each story, keep a store of what was
received (``checker feed``, ``checker ingest``, ``checker check``)."""
