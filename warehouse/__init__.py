"""The query layer: the one place that runs SQL against the warehouse."""
