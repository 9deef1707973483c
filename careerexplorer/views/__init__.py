"""Terminal views: one module a kind of page, each over the layout engine."""
