"""Word and Excel in and out: the form table, narratives and report parts of .docx and .xlsx documents."""
