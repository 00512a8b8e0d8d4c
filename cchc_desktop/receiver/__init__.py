"""Nơi nhận báo cáo: the receiving unit (Sở Nội vụ, or a district for older data) and its consolidation."""
