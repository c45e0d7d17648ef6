"""Example peeldocs plugin: a Markdown renderer and a 'sources' section."""
