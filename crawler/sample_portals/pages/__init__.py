"""HTML skeletons of the portal pages: string.Template files ($name placeholders, $$ for $)."""
