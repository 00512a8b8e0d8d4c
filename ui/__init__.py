"""The Qt user interface: a thin layer over ``cchc_desktop`` core functions."""
