"""定型文 in the GUI: the administrators' library tab and the operators' picker."""
