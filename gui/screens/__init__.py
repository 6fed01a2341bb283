"""The screens of the side navigation, one module each."""
