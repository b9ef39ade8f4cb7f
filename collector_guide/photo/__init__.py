"""The photo wing: taking an image in safely, reading what the file says about its making
(provenance, one module per source), and turning that evidence into suggested answers."""
