"""The pure path of one plan: contracts (model), catalog loading, splitting pasted text into findings,
lemmas, recognition, rules on durable-rules, the planner and due dates, and the `Engine` that strings them
together. Nothing here prints, serves or writes a file; the only input it reads is the catalog. Every
other part of nokrules imports this one, and this one imports none of them."""
