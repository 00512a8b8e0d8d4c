"""The receiver's documents: the consolidated report and workbook, the reminder letter."""
