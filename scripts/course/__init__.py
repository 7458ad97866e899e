"""The course machinery: plain Python functions that MkDocs hooks and macros call.

One module per job: facts, glossary, modules, diagrams, lix. None of them imports MkDocs,
so each can be tested alone and moved to another site generator.
"""
