"""One module per page; each has `run()`: read filters, call the query layer, handle the empty state, render."""
