"""Screens of the receiving unit (Sở Nội vụ): roster, who sent what, consolidated figures, index."""
