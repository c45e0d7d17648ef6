"""Where reports and plans come from, and the rules for the files peeldocs reads and writes."""
