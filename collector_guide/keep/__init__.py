"""What is kept of a reading: the state in the URL, work files, and the works of a visit."""
