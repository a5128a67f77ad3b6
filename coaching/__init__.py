"""Coaching that gets done: cases, follow-up and whether it worked (records in the app DB, facts from the warehouse).

`coaching.cases` writes cases and awards, `coaching.views` shapes them for the pages under the viewer's scope,
`coaching.effect` compares scores before and after coaching with listed employees who had none.
"""
