"""The ministry curator's tools over a catalog: lint, the catalog's own tests and scenarios, property
checks against the reference evaluator, explanations, the handbook and the diff between catalog versions.
They read the core and never change how a plan is drawn."""
