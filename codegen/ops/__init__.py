"""Primitive forward/VJP helpers shared by the layer lowerings."""
