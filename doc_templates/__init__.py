"""The standard document templates (.docx with Jinja2 fields) and their catalogue (data)."""
