"""The in-memory form of an output tree, shared by the writer and the public face."""

Files = dict[str, str]  # out/-relative POSIX path -> text
