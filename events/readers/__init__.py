"""One module per input layout. Each turns a parsed file into a *raw* frame: the columns of
``events.schema.COLUMNS`` as text, plus ``_line`` (the row's line in the file), ready for
``events.validate``. Readers only rename and reshape; every check lives in validate."""
