"""The command-line face: thin Typer commands, one module per command group."""
