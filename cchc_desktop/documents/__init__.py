"""Official documents: PDF (Decree 30/2020 layout) and Excel renderers.

Renderers take plain models and return bytes: no Qt, no file dialogs, no database queries.
ReportLab and openpyxl are imported lazily, inside the renderers, to keep start-up fast.
"""
