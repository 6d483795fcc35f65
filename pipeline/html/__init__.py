"""The HTML handbook: theme configuration, stylesheet and the atomic build."""
