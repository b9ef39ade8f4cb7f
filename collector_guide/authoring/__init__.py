"""For rubric authors: the checks that need scoring (can every band and archetype be reached?)
and the complete loaders of rubric and work files that run them."""
